# A small roadmap with one mistake of each common kind; the golden files
# beside this directory hold what validate prints for it.

roadmap {
  name     = "Broken"
  start    = "2027-Q1"
  strategy = "valeu"
}

goal "cut_costs" {
  weight = 0
}

team "platform" {
  capacity = 4
}

department "finance" {
  head = "CFO"
}
