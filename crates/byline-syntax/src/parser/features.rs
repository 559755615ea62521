//! Feature templates: of a parser state (which move to make) and of an arc (which
//! relation it gets).

use super::ParseWord;
use super::state::State;
use byline_learn::hash::mix;

/// Feature templates of the parser.
#[derive(Clone, Copy)]
#[repr(u64)]
enum Template {
    S0w = 1,
    S0t,
    S0wt,
    S1w,
    S1t,
    S1wt,
    S2t,
    B0w,
    B0t,
    B0wt,
    B1w,
    B1t,
    B1wt,
    B2t,
    S0wtB0wt,
    S0wtB0w,
    S0wB0wt,
    S0wtB0t,
    S0tB0wt,
    S0wB0w,
    S0tB0t,
    B0tB1t,
    B0tB1tB2t,
    S0tB0tB1t,
    S1tS0tB0t,
    S1tS0t,
    S2tS1tS0t,
    S0tS0lTB0t,
    S0tS0rTB0t,
    S0tB0tB0lT,
    S1tS0tS0rT,
    S1tS1rTS0t,
    S0wDist,
    S0tDist,
    B0wDist,
    B0tDist,
    S0tB0tDist,
    S0wVl,
    S0tVl,
    S0wVr,
    S0tVr,
    B0wVl,
    B0tVl,
    S0lL,
    S0rL,
    B0lL,
    S0lLS0rL,
    S0c,
    B0c,
    S0cB0c,
    S1cS0c,
    B0cB1c,
    S0lTS0l2T,
    B0lTB0l2T,
    S0suf,
    B0suf,
    B1c,
    S1c,
    S0cB0t,
    S0tB0c,
    B0cfB0t,
    S0cfS0t,
    S0rTS0r2T,
    S1wS0w,
    B0wB1w,
}

const NONE: u64 = 0x0FED_CBA9_8765_4321;
const ROOT: u64 = 0x1357_9BDF_2468_ACE0;

fn h(template: Template, parts: &[u64]) -> u64 {
    parts
        .iter()
        .fold(mix(0x27D4_EB2F_1656_67C5, template as u64), |acc, &p| mix(acc, p))
}

/// The features of a state, for choosing its move.
pub(crate) fn action_features(words: &[ParseWord], st: &State, out: &mut Vec<u64>) {
    out.clear();
    let n = st.n;
    let w = |i: Option<usize>| match i {
        None => NONE,
        Some(i) if i == n => ROOT,
        Some(i) => words[i].info.lower,
    };
    let t = |i: Option<usize>| match i {
        None => NONE,
        Some(i) if i == n => ROOT,
        Some(i) => words[i].tag,
    };
    let c = |i: Option<usize>| match i {
        None => NONE,
        Some(i) if i == n => ROOT,
        Some(i) => u64::from(words[i].info.cluster[1]),
    };
    let cf = |i: Option<usize>| match i {
        None => NONE,
        Some(i) if i == n => ROOT,
        Some(i) => u64::from(words[i].info.cluster[0]),
    };
    let suf = |i: Option<usize>| match i {
        None => NONE,
        Some(i) if i == n => ROOT,
        Some(i) => words[i].info.suffix[2],
    };
    let rel = |i: Option<usize>| i.map_or(NONE, |i| st.relations[i] as u64);
    let lc = |i: Option<usize>, k: usize| i.and_then(|i| st.left[i][k]);
    let rc = |i: Option<usize>, k: usize| i.and_then(|i| st.right[i][k]);
    let (s0, s1, s2, b0, b1, b2) = (st.s(0), st.s(1), st.s(2), st.b(0), st.b(1), st.b(2));
    let (s0w, s0t, s1w, s1t, b0w, b0t, b1w, b1t) = (w(s0), t(s0), w(s1), t(s1), w(b0), t(b0), w(b1), t(b1));
    let dist = match (s0, b0) {
        (Some(s), Some(b)) if s != n => (b - s).min(5) as u64,
        _ => 0,
    };
    let vl = |i: Option<usize>| i.map_or(0, |i| u64::from(st.left_count[i]));
    let vr = |i: Option<usize>| i.map_or(0, |i| u64::from(st.right_count[i]));
    out.extend_from_slice(&[
        h(Template::S0w, &[s0w]),
        h(Template::S0t, &[s0t]),
        h(Template::S0wt, &[s0w, s0t]),
        h(Template::S1w, &[s1w]),
        h(Template::S1t, &[s1t]),
        h(Template::S1wt, &[s1w, s1t]),
        h(Template::S2t, &[t(s2)]),
        h(Template::B0w, &[b0w]),
        h(Template::B0t, &[b0t]),
        h(Template::B0wt, &[b0w, b0t]),
        h(Template::B1w, &[b1w]),
        h(Template::B1t, &[b1t]),
        h(Template::B1wt, &[b1w, b1t]),
        h(Template::B2t, &[t(b2)]),
        h(Template::S0wtB0wt, &[s0w, s0t, b0w, b0t]),
        h(Template::S0wtB0w, &[s0w, s0t, b0w]),
        h(Template::S0wB0wt, &[s0w, b0w, b0t]),
        h(Template::S0wtB0t, &[s0w, s0t, b0t]),
        h(Template::S0tB0wt, &[s0t, b0w, b0t]),
        h(Template::S0wB0w, &[s0w, b0w]),
        h(Template::S0tB0t, &[s0t, b0t]),
        h(Template::B0tB1t, &[b0t, b1t]),
        h(Template::B0tB1tB2t, &[b0t, b1t, t(b2)]),
        h(Template::S0tB0tB1t, &[s0t, b0t, b1t]),
        h(Template::S1tS0tB0t, &[s1t, s0t, b0t]),
        h(Template::S1tS0t, &[s1t, s0t]),
        h(Template::S2tS1tS0t, &[t(s2), s1t, s0t]),
        h(Template::S0tS0lTB0t, &[s0t, t(lc(s0, 0)), b0t]),
        h(Template::S0tS0rTB0t, &[s0t, t(rc(s0, 0)), b0t]),
        h(Template::S0tB0tB0lT, &[s0t, b0t, t(lc(b0, 0))]),
        h(Template::S1tS0tS0rT, &[s1t, s0t, t(rc(s0, 0))]),
        h(Template::S1tS1rTS0t, &[s1t, t(rc(s1, 0)), s0t]),
        h(Template::S0wDist, &[s0w, dist]),
        h(Template::S0tDist, &[s0t, dist]),
        h(Template::B0wDist, &[b0w, dist]),
        h(Template::B0tDist, &[b0t, dist]),
        h(Template::S0tB0tDist, &[s0t, b0t, dist]),
        h(Template::S0wVl, &[s0w, vl(s0)]),
        h(Template::S0tVl, &[s0t, vl(s0)]),
        h(Template::S0wVr, &[s0w, vr(s0)]),
        h(Template::S0tVr, &[s0t, vr(s0)]),
        h(Template::B0wVl, &[b0w, vl(b0)]),
        h(Template::B0tVl, &[b0t, vl(b0)]),
        h(Template::S0lL, &[s0t, rel(lc(s0, 0))]),
        h(Template::S0rL, &[s0t, rel(rc(s0, 0))]),
        h(Template::B0lL, &[b0t, rel(lc(b0, 0))]),
        h(Template::S0lLS0rL, &[s0t, rel(lc(s0, 0)), rel(rc(s0, 0))]),
        h(Template::S0c, &[c(s0)]),
        h(Template::B0c, &[c(b0)]),
        h(Template::S0cB0c, &[c(s0), c(b0)]),
        h(Template::S1cS0c, &[c(s1), c(s0)]),
        h(Template::B0cB1c, &[c(b0), c(b1)]),
        h(Template::S0lTS0l2T, &[s0t, t(lc(s0, 0)), t(lc(s0, 1))]),
        h(Template::B0lTB0l2T, &[b0t, t(lc(b0, 0)), t(lc(b0, 1))]),
        h(Template::S0suf, &[suf(s0), s0t]),
        h(Template::B0suf, &[suf(b0), b0t]),
        h(Template::B1c, &[c(b1)]),
        h(Template::S1c, &[c(s1)]),
        h(Template::S0cB0t, &[c(s0), b0t]),
        h(Template::S0tB0c, &[s0t, c(b0)]),
        h(Template::B0cfB0t, &[cf(b0), b0t]),
        h(Template::S0cfS0t, &[cf(s0), s0t]),
        h(Template::S0rTS0r2T, &[s0t, t(rc(s0, 0)), t(rc(s0, 1))]),
        h(Template::S1wS0w, &[s1w, s0w]),
        h(Template::B0wB1w, &[b0w, b1w]),
    ]);
}

/// Feature templates of an arc, for choosing its relation.
#[derive(Clone, Copy)]
#[repr(u64)]
enum ArcTemplate {
    Bias = 101,
    Dw,
    Dt,
    Dwt,
    Hw,
    Ht,
    Hwt,
    DtHt,
    DwHt,
    DtHw,
    DwHw,
    DtHtDist,
    DcHc,
    DcHt,
    DtHc,
    DsufDt,
    DtDlLDrL,
    DtDlT,
    DtDrT,
    DtDlW,
    DtDrW,
    DtVlVr,
    HtDtHlL,
    HtDtHrL,
    DtPrevTNextT,
    HtDtHPrevT,
    DwtHt,
    DtHtFirst,
    DfDt,
}

/// The features of the arc `head → dep` (the head may be the root, word `n`): the two
/// words, their distance and direction, and what the dependent has collected (its
/// dependents are complete when it is attached).
pub(crate) fn arc_features(words: &[ParseWord], st: &State, head: usize, dep: usize, out: &mut Vec<u64>) {
    out.clear();
    let n = st.n;
    let get = |i: Option<usize>, part: fn(&ParseWord) -> u64| match i {
        None => NONE,
        Some(i) if i >= n => ROOT,
        Some(i) => part(&words[i]),
    };
    let w = |i: Option<usize>| get(i, |p| p.info.lower);
    let t = |i: Option<usize>| get(i, |p| p.tag);
    let c = |i: Option<usize>| get(i, |p| u64::from(p.info.cluster[1]));
    let rel = |i: Option<usize>| i.map_or(NONE, |i| st.relations[i] as u64);
    let lc = |i: usize| st.left[i][0];
    let rc = |i: usize| st.right[i][0];
    let (d, hd) = (Some(dep), Some(head));
    let (dw, dt, hw, ht) = (w(d), t(d), w(hd), t(hd));
    let distance = head.abs_diff(dep);
    let dir = u64::from(dep < head) << 8
        | if distance <= 5 {
            distance as u64
        } else if distance <= 10 {
            6
        } else {
            7
        };
    let side = dir >> 8;
    let a = |template: ArcTemplate, parts: &[u64]| {
        parts
            .iter()
            .fold(mix(mix(0x165_667B_1935_4BC3, template as u64), side), |acc, &p| {
                mix(acc, p)
            })
    };
    let prev = dep.checked_sub(1);
    let next = (dep + 1 < n).then_some(dep + 1);
    let head_prev = if head < n { head.checked_sub(1) } else { None };
    out.extend_from_slice(&[
        a(ArcTemplate::Bias, &[]),
        a(ArcTemplate::Dw, &[dw]),
        a(ArcTemplate::Dt, &[dt]),
        a(ArcTemplate::Dwt, &[dw, dt]),
        a(ArcTemplate::Hw, &[hw]),
        a(ArcTemplate::Ht, &[ht]),
        a(ArcTemplate::Hwt, &[hw, ht]),
        a(ArcTemplate::DtHt, &[dt, ht]),
        a(ArcTemplate::DwHt, &[dw, ht]),
        a(ArcTemplate::DtHw, &[dt, hw]),
        a(ArcTemplate::DwHw, &[dw, hw]),
        a(ArcTemplate::DtHtDist, &[dt, ht, dir]),
        a(ArcTemplate::DcHc, &[c(d), c(hd)]),
        a(ArcTemplate::DcHt, &[c(d), ht]),
        a(ArcTemplate::DtHc, &[dt, c(hd)]),
        a(ArcTemplate::DsufDt, &[words[dep].info.suffix[2], dt]),
        a(ArcTemplate::DtDlLDrL, &[dt, rel(lc(dep)), rel(rc(dep))]),
        a(ArcTemplate::DtDlT, &[dt, t(lc(dep))]),
        a(ArcTemplate::DtDrT, &[dt, t(rc(dep))]),
        a(ArcTemplate::DtDlW, &[dt, w(lc(dep)), ht]),
        a(ArcTemplate::DtDrW, &[dt, w(rc(dep))]),
        a(
            ArcTemplate::DtVlVr,
            &[
                dt,
                u64::from(st.left_count[dep].min(3)),
                u64::from(st.right_count[dep].min(3)),
            ],
        ),
        a(ArcTemplate::HtDtHlL, &[ht, dt, rel(lc(head))]),
        a(ArcTemplate::HtDtHrL, &[ht, dt, rel(rc(head))]),
        a(ArcTemplate::DtPrevTNextT, &[dt, t(prev), t(next)]),
        a(ArcTemplate::HtDtHPrevT, &[ht, dt, t(head_prev)]),
        a(ArcTemplate::DwtHt, &[dw, dt, ht]),
        a(ArcTemplate::DtHtFirst, &[dt, ht, u64::from(dep == 0)]),
        a(ArcTemplate::DfDt, &[words[dep].info.form, dt]),
    ]);
}
