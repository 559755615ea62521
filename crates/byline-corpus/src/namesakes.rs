//! Namesakes: two people with one full name ("Sen. Ron Johnson" of Wisconsin and "Capt.
//! Ron Johnson" of the Missouri Highway Patrol) are told apart by their roles and the
//! company they keep. Within each full name's clusters:
//! 1. clusters that share a role word are one person (a union over role words);
//! 2. a group of at least `MIN_APART` clusters whose role words and whose company (the other
//!    names in their articles, the names in most articles left out; at least `MIN_COMPANY`
//!    names on each side) share nothing with the largest group's is another person;
//! 3. every other cluster — without roles, or in a group too small or too close to the
//!    largest — is the largest group's, unless its company is only another person's.
//!
//! Conservative on purpose: one person whose roles changed ("Rep." → "HHS Secretary") keeps
//! company that links the two, and stays one.

use byline_learn::hash::{FastMap, FastSet};

/// Clusters a group needs to be a person apart.
pub(crate) const MIN_APART: usize = 3;
/// Names each group's company needs for its being disjoint to say anything.
const MIN_COMPANY: usize = 5;
/// Names in more than this share of the articles are no company (everyone meets them).
const HUB_SHARE: f64 = 0.02;

/// One cluster of a full name: its role words and its company.
pub(crate) struct Mention<'a> {
    pub roles: FastSet<&'a str>,
    pub company: FastSet<u32>,
}

/// Which person (0 = the largest group) each of one full name's clusters is.
pub(crate) fn split(mentions: &[Mention<'_>]) -> Vec<u32> {
    let n = mentions.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut first_with: FastMap<&str, usize> = FastMap::default();
    for (i, m) in mentions.iter().enumerate() {
        for w in &m.roles {
            match first_with.get(w) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    first_with.insert(w, i);
                }
            }
        }
    }
    // Groups of clusters with roles, largest first (ties: first seen).
    let mut groups: FastMap<usize, Vec<usize>> = FastMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if !m.roles.is_empty() {
            let r = root(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let mut person = vec![0u32; n];
    let Some(main) = groups.first() else { return person };
    let words = |g: &[usize]| -> FastSet<&str> { g.iter().flat_map(|&i| mentions[i].roles.iter().copied()).collect() };
    let company =
        |g: &[usize]| -> FastSet<u32> { g.iter().flat_map(|&i| mentions[i].company.iter().copied()).collect() };
    let (main_words, main_company) = (words(main), company(main));
    let mut apart: Vec<(FastSet<u32>, Vec<usize>)> = Vec::new();
    for g in &groups[1..] {
        let theirs = company(g);
        if g.len() >= MIN_APART
            && theirs.len() >= MIN_COMPANY
            && main_company.len() >= MIN_COMPANY
            && words(g).is_disjoint(&main_words)
            && theirs.is_disjoint(&main_company)
        {
            apart.push((company(g), g.clone()));
        }
    }
    for (p, (_, g)) in apart.iter().enumerate() {
        for &i in g {
            person[i] = p as u32 + 1;
        }
    }
    // Clusters left: the largest group's, unless their company is only one other person's.
    let placed: FastSet<usize> = apart.iter().flat_map(|(_, g)| g.iter().copied()).collect();
    for (i, m) in mentions.iter().enumerate() {
        if placed.contains(&i) || m.company.is_empty() {
            continue;
        }
        let others: Vec<usize> = (0..apart.len())
            .filter(|&p| !m.company.is_disjoint(&apart[p].0))
            .collect();
        if others.len() == 1 && m.company.is_disjoint(&main_company) {
            person[i] = others[0] as u32 + 1;
        }
    }
    person
}

/// Keys named in more than [`HUB_SHARE`] of `articles` articles.
pub(crate) fn hubs(articles_of_key: &[u32], articles: usize) -> FastSet<u32> {
    let limit = (HUB_SHARE * articles as f64).max(20.0) as u32;
    articles_of_key
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > limit)
        .map(|(k, _)| k as u32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m<'a>(roles: &[&'a str], company: &[u32]) -> Mention<'a> {
        Mention {
            roles: roles.iter().copied().collect(),
            company: company.iter().copied().collect(),
        }
    }

    #[test]
    fn a_namesake_with_other_roles_and_company_is_apart() {
        let mentions = [
            m(&["sen"], &[1, 2, 3]),
            m(&["sen", "wisconsin"], &[2, 4]),
            m(&["sen"], &[5]),
            m(&["capt", "patrol"], &[7, 9]),
            m(&["patrol", "highway"], &[7, 8]),
            m(&["capt"], &[10, 11]),
            m(&[], &[8]),
            m(&[], &[]),
            m(&["sen"], &[]),
        ];
        assert_eq!(split(&mentions), [0, 0, 0, 1, 1, 1, 1, 0, 0]);
    }

    #[test]
    fn one_person_whose_roles_changed_keeps_company_and_stays_one() {
        let mentions = [
            m(&["rep"], &[1, 3]),
            m(&["rep", "budget"], &[3]),
            m(&["secretary"], &[3, 4]),
            m(&["secretary", "hhs"], &[4]),
        ];
        assert_eq!(split(&mentions), [0, 0, 0, 0]);
    }
}
