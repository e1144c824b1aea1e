roadmap {
  start = "2027-01"
}

team "t" {
  capacity           = 1e-7
  capacity_by_period = { "2027-Q2" = 0.001, "2027-Q3" = 0, "2027-Q4" = 0.01 }
}

team "u" {
  capacity = 0
}

project "p" {
  duration = 1
  effort   = { t = 0.005, u = 0 }
}

project "q" {
  duration = 1
  effort   = { t = pert(0, 0.001, 0.002) }
}

project "r" {
  duration = 1
  effort   = { t = 0.01, u = pert(0, 0.01, 0.02) }
}
