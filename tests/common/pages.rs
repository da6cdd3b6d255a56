//! Generated job pages, shared by the growth test (`tests/growth.rs`) and the benchmarks
//! (`benches/pipeline.rs`), so both run anywhere without the corpus.
// Each user takes what it needs.
#![allow(dead_code)]

/// Front matter for a generated page.
pub const FRONT: &str = "---\ntitle: \"Backend Engineer\"\n---\n\n";

/// A page of `n` job sections after the front matter: `n` times [`job_page`]'s size.
pub fn page(n: usize) -> String {
    FRONT.to_string() + &(0..n).map(job_page).collect::<String>()
}

/// A realistic job section: what a handbook page holds, about 1 KB.
pub fn job_page(i: usize) -> String {
    format!(
        "## Senior Backend Engineer {i}

The Senior Backend Engineer {i} is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).

### Responsibilities

- Lead the design of **reliable** services and [review](#requirements) merge requests.
- Partner with the Product team on the roadmap, and with `Support` on incidents.
- Mentor Intermediate engineers; see the [career ladder](../career-ladder/#senior).

### Requirements

- Ability to use GitLab
- Experience with Ruby on Rails, PostgreSQL and Kubernetes in production.

| Level | Grade | Notes |
|-------|-------|-------|
| Senior {i} | 7 | Owns a service[^n{i}] |

[^n{i}]: Services are listed in the catalogue.

<!-- jobfam-disable-next-line spelling -->
Ownnership of the on-call rotation <%= partial(\"x\") %> and {{{{< ref \"a\" >}}}}.

<div id=\"anchor-{i}\">Résumé reviews, café chats 😀</div>

"
    )
}
