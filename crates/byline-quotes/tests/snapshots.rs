//! Quotes per construction, on sentences of the seed article and short news-style
//! sentences (one snapshot each).

mod common;

use common::render_quotes as render;

#[test]
fn direct_with_attribution_after() {
    insta::assert_snapshot!(render(
        "“The repairs are difficult, because, frankly, the old pipes were never mapped,” city water spokesperson Nadia Berg informed reporters."
    ));
}

#[test]
fn direct_with_pronoun_attribution_before() {
    insta::assert_snapshot!(render(
        "“We think the worst of the flooding is behind us,” Berg stated.\nShe went on, “Even so, some streets will stay closed this week.”"
    ));
}

#[test]
fn mixed_quote() {
    insta::assert_snapshot!(render(
        "Mayor Tom Reed remarked on Friday that while he wants the bridge reopened soon, the city could not keep paying for ferries “if the contractor keeps missing its deadlines.”"
    ));
}

#[test]
fn indirect_quotes() {
    insta::assert_snapshot!(render(
        "Asked whether the hiring freeze had ended, Nadia Berg clarified that a month had passed, but no instructions from the council had arrived. The talks will resume in May, a union spokesman said. According to the European Commission, fish stocks will recover next year."
    ));
}

#[test]
fn split_quote_and_multi_paragraph_quote() {
    insta::assert_snapshot!(render(
        "“We expect the decline to continue,” harbour master Ingrid de Vries told reporters. “Shipping lines are cautious.”\n\n“The first paragraph of a long statement.\n\n“The second paragraph,” she said."
    ));
}

#[test]
fn unbalanced_and_straight_marks_do_not_lose_the_rest() {
    insta::assert_snapshot!(render(
        "He said ”stray mark. \"The vote was fair,\" Mendes said. Then a lone “ opened and never closed, and later Okafor said that the plan ignored older residents."
    ));
}

#[test]
fn speaker_kinds_person_organization_document_anonymous() {
    insta::assert_snapshot!(render(
        "Harbour officials said on Tuesday that the ferry would resume service next week. According to a report by the port authority, the pier had been damaged by the storm.\n\nMaria Lindqvist, the harbour master, said the repairs were on schedule. “We are confident,” she said.\n\nThe Northern Ferry Company said it would refund tickets. A source close to the talks said the deal was nearly done."
    ));
}
