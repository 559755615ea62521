//! The reporting patterns news uses (issue 30), one snapshot each, on text written for
//! byline. Each test's comment says what a newsroom would sign; the snapshot is what
//! byline reports today (every attribution, with its act and whether the default layer
//! keeps it), so a miss shows as a miss.

mod common;

use common::render_quotes as render;

/// Statement: Okafor, that the depot …
#[test]
fn said_that() {
    insta::assert_snapshot!(render(
        "Council leader Amara Okafor said that the bus depot would close in March."
    ));
}

/// Statement: Okafor, the depot … (no "that").
#[test]
fn said_without_that() {
    insta::assert_snapshot!(render("Amara Okafor said the bus depot would close in March."));
}

/// Statement: the union, "The strike will go ahead …".
#[test]
fn content_then_name_said() {
    insta::assert_snapshot!(render(
        "The strike will go ahead on Monday unless the hospital improves its offer, the nurses' union said."
    ));
}

/// Statement: Okafor (inverted "said X").
#[test]
fn content_then_said_name() {
    insta::assert_snapshot!(render(
        "The depot had been losing money for a decade, said Amara Okafor, the council leader."
    ));
}

/// Statement: he → Tomasz Wilk (inverted present "he says").
#[test]
fn inverted_present_he_says() {
    insta::assert_snapshot!(render(
        "Tomasz Wilk runs the ferry service. Requests for a second boat are usually ignored by the ministry, he says."
    ));
}

/// Statement: Wilk told reporters (that) …
#[test]
fn told_someone_that() {
    insta::assert_snapshot!(render(
        "Tomasz Wilk told reporters on Tuesday that the ferry would run twice a day from June."
    ));
}

/// Statements: the health ministry; officials.
#[test]
fn according_to_before_and_after() {
    insta::assert_snapshot!(render(
        "According to the health ministry, the number of flu cases fell to 312 last week. The border crossing will reopen on Friday, according to officials in Sarnia."
    ));
}

/// Statements: Berg (added that), Berg (noted that), Berg (warned that).
#[test]
fn added_noted_warned_that() {
    insta::assert_snapshot!(render(
        "Nadia Berg added that the pipes had never been mapped. She noted that the last survey was in 1974, and warned that more streets could flood."
    ));
}

/// Statement: Berg; the content is split by her attribution in the middle.
#[test]
fn parenthetical_attribution_inside_the_content() {
    insta::assert_snapshot!(render(
        "The repairs, Nadia Berg said, would take at least another month."
    ));
}

/// Statement: Okafor (a colon introduces her words).
#[test]
fn name_colon_content() {
    insta::assert_snapshot!(render("Amara Okafor: “We will not close a single library this year.”"));
}

/// Statement: Okafor's statement that …
#[test]
fn possessive_statement_that() {
    insta::assert_snapshot!(render(
        "Amara Okafor's statement that no library would close was welcomed by residents."
    ));
}

/// Statement: the company (in a statement, said …).
#[test]
fn in_a_statement_said() {
    insta::assert_snapshot!(render(
        "In a statement, Northern Ferry Company said it would refund every cancelled ticket."
    ));
}

/// Statements: Wilk, twice (the second continues the first: "he added").
#[test]
fn indirect_statement_continued_in_the_next_sentence() {
    insta::assert_snapshot!(render(
        "Tomasz Wilk said the ferry would run twice a day. The fares would stay the same, he added."
    ));
}

/// Statements: Berg, twice (the second paragraph's quote has no attribution of its own
/// and nothing intervenes).
#[test]
fn floating_quote_in_the_next_paragraph() {
    insta::assert_snapshot!(render(
        "“We mapped every pipe in the old town,” Nadia Berg said.\n\n“It took us three years, and we are not finished.”"
    ));
}

/// Statement: Okafor. Not statements: her belief, her plan, her perception, and what she
/// did not say.
#[test]
fn statements_and_thoughts() {
    insta::assert_snapshot!(render(
        "Amara Okafor said the depot would close. She believes the buses are too old. She plans to sell the land to the city. She saw that the roof had collapsed. She did not say that the staff would be moved."
    ));
}

/// Not quotes: a book title in an author's bio, a film title, scare quotes and a
/// nickname. Statement: Park.
#[test]
fn titles_scare_quotes_and_nicknames_are_not_quotes() {
    insta::assert_snapshot!(render(
        "Lena Park is the author of “The Harbour at Night” and wrote the film “Salt Roads”. Her so-called “reforms” angered Dmitri “The Hammer” Volkov.\n\n“The budget is balanced,” Park said."
    ));
}

/// Not quotes: a headline, a byline, a photo caption and a video line. Statement: Okafor.
#[test]
fn headlines_bylines_captions_and_video_lines_are_not_quotes() {
    insta::assert_snapshot!(render(
        "Okafor says depot will close\n\nBy Jana Novak, city reporter\n\nWATCH: Okafor says the depot will close (2:14)\n\nAmara Okafor, the council leader, speaks to reporters on Tuesday. (Photo: Jana Novak)\n\nAmara Okafor said on Tuesday that the depot would close in March."
    ));
}

/// Statement: Ruth Okonjo (an apposition with a place stands between name and cue).
#[test]
fn speaker_across_an_apposition() {
    insta::assert_snapshot!(render(
        "Ruth Okonjo, a rowing club treasurer in Dunedin, north of Invercargill, said the regatta would go ahead in May."
    ));
}
