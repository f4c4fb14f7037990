"""Joint funding calls: call texts with funders and eligibility rules, proposals, reviewers and conflicts of
interest, assignment (CP-SAT), reviews and consensus, ranking and the funding decision's budget walk."""
