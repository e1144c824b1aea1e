roadmap {
  name  = "round trip"
  start = "2027-Q1"
  as_of = "2027-Q3"
}

variable "pilot_cost" {
  default = 30000
}

goal "g" { weight = 1 }
department "d" { title = "D" }
team "apps" {
  capacity     = 4
  cost_per_fte = 20000
}
budget "capex" {
  amount = 500000
  per    = "year"
}
budget "opex" {
  amount = 200000
  per    = "year"
  kind   = "opex"
}
system "legacy" {
  end_of_support = "2028-Q4"
  run_cost {
    per_year = 40000
  }
}
