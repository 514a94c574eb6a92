"""Messages the editor reads: every code worded in Chinese and English alike."""

from reader.messages import CATALOGUE, ReaderError, catalogue_problems, message, render_error


def test_every_message_has_both_wordings_with_the_same_fields():
    assert catalogue_problems() == []


def test_a_reader_error_renders_in_the_language_asked():
    code = next(iter(CATALOGUE))
    error = ReaderError(code, kind="X", detail="d")
    assert render_error(error, "zh_CN") == error.message.render("zh_CN")
    assert str(error) == error.message.render("en")
    assert error.message.render("zh_CN") != error.message.render("en")


def test_a_bug_is_reported_as_a_bug_not_as_the_editors_mistake():
    text = render_error(KeyError("x"), "zh_CN")
    assert "KeyError" in text and "缺陷" in text


def test_an_unknown_code_shows_the_code_rather_than_nothing():
    assert message("no.such.code").render("zh_CN") == "no.such.code"
