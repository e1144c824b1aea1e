roadmap {
  start   = "2027-Q1"
  horizon = 4
  as_of   = "2026-Q4"
}

budget "capex" {
  amount = 1000
  kind   = "capital"
}
