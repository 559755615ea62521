//! Quotes per construction, on sentences of the seed article and short news-style
//! sentences (one snapshot each).

mod common;

use common::render_quotes as render;

#[test]
fn direct_with_attribution_after() {
    insta::assert_snapshot!(render(
        "“Contacts are quite complicated, because, naturally, the topic is not an easy one,” Kremlin spokesperson Dmitry Peskov informed reporters."
    ));
}

#[test]
fn direct_with_pronoun_attribution_before() {
    insta::assert_snapshot!(render(
        "“We believe that some progress can already be noted,” Peskov stated.\nHe elaborated, “Therefore, certain developments have already been achieved.”"
    ));
}

#[test]
fn mixed_quote() {
    insta::assert_snapshot!(render(
        "US President Donald Trump remarked on Friday that while he desires a swift peace agreement, he couldn’t remain involved indefinitely in the pursuit of a settlement “if one of the two parties makes it very difficult.”"
    ));
}

#[test]
fn indirect_quotes() {
    insta::assert_snapshot!(render(
        "Regarding whether the energy moratorium was over, Dmitry Peskov clarified that a month had passed, but no directives from the president had been received. The talks will resume in May, a Kremlin spokesman said. According to the European Commission, trade volumes will recover next year."
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
