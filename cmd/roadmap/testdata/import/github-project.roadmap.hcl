# Written by roadmap import. Check every TODO, then run roadmap plan.

roadmap {
  name  = "github-project"
  start = "2027-Q1"
}

goal "cut_costs" {
  title  = "cut_costs"
  weight = 1
  # TODO: weight: how much this goal counts against the others
}

goal "reporting" {
  title  = "reporting"
  weight = 1
  # TODO: weight: how much this goal counts against the others
}
