import pytest

import sunlit
from sunlit import Code


def test_whole_and_split_forms_are_the_same_code():
    c = Code.functional("2080505")
    assert c == Code.functional("208", "05", "05")
    assert hash(c) == hash(Code.functional("208", "05", "05"))
    assert str(c) == "2080505"
    assert c.level == 3
    assert c.level_name == "项"
    assert c.scheme == "functional"


def test_parent_and_ancestors():
    c = Code.functional("2080505")
    assert c.parent == Code.functional("20805")
    assert Code.functional("208").parent is None
    assert [str(a) for a in c.ancestors()] == ["208", "20805"]
    assert Code.functional("208").is_ancestor_of(c)
    assert not c.is_ancestor_of(c)


def test_order_is_code_order():
    codes = [Code.functional(s) for s in ["20808", "2080505", "208", "20805", "210"]]
    assert [str(c) for c in sorted(codes)] == ["208", "20805", "2080505", "20808", "210"]
    assert Code.functional("208") < Code.functional("20805")


def test_economic_scheme_follows_first_digit():
    assert Code.economic("30108").scheme == "dept_economic"
    assert Code.economic("501", "02").scheme == "gov_economic"
    assert Code.economic("30108").level_name == "款"
    with pytest.raises(sunlit.CodeError) as e:
        Code.economic("40101")
    assert e.value.value == "40101"


def test_revenue_has_four_levels():
    c = Code.revenue("101", "01", "01", "01")
    assert c.level == 4 and c.level_name == "目"
    assert str(c) == "101010101"


@pytest.mark.parametrize(
    "parts",
    [("20805a5",), ("2080",), ("208050501",), ("3080505",), ("208", "", "05"), ("208", "5"), ("",)],
)
def test_bad_codes_raise_code_error_naming_the_input(parts):
    with pytest.raises(sunlit.CodeError) as e:
        Code.functional(*parts)
    assert e.value.value == "|".join(p.strip() for p in parts) or e.value.value == parts[0]
    assert e.value.scheme == "functional"
    assert isinstance(e.value, sunlit.SunlitError)
    assert isinstance(e.value, ValueError)
