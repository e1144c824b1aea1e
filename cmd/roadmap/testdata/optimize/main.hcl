# The optimiser's trade-off. "f", the flagship, runs on a team of its own.
# On the platform team (2 FTE, four quarters) rank order gives "a" the
# whole team for the year; "b" then "c" score more together, but bring in
# far less money. Every project has alignment 1 and no risk, so with the
# value scale of 1,000,000:
#
#   f  1,000,000 a year for 5 years: NPV 5,000,000  score 0.95
#   a    500,000 a year for 5 years: NPV 2,500,000  score 0.914
#   b    300,000 for 1 year:         NPV   300,000  score 0.769
#   c    250,000 for 1 year:         NPV   250,000  score 0.76
#
# plan --optimize (objective score) defers a for b and c: total score up
# from 1.864 to 2.479, NPV down from 7,500,000 to 5,550,000; the plan says
# both. plan --objective npv keeps a. Neither moves f.
roadmap {
  name    = "Optimiser demo"
  start   = "2027-Q1"
  period  = "quarter"
  horizon = 4
}

goal "grow" {
  weight = 1
}

department "sales" {
  title = "Sales"
}

team "platform" {
  capacity = 2
}

team "security" {
  capacity = 1
}

project "f" {
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  duration    = 1
  effort      = { security = 1 }
  benefit {
    per_year = 1000000
  }
}

project "a" {
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  duration    = 4
  effort      = { platform = 2 }
  benefit {
    per_year = 500000
  }
}

project "b" {
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  duration    = 2
  effort      = { platform = 2 }
  benefit {
    per_year = 300000
    years    = 1
  }
}

project "c" {
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  duration    = 2
  effort      = { platform = 2 }
  benefit {
    per_year = 250000
    years    = 1
  }
}
