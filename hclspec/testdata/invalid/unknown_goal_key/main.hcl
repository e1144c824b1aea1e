roadmap {
  name  = "Test"
  start = "2027-01"
}

goal "cut_costs" {
  weight = 3
}

project "p" {
  duration = 1
  goals    = { cut_cost = 1, growth = 0.5 }
}
