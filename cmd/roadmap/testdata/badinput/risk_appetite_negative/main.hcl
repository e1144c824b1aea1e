roadmap {
  start         = "2027-01"
  risk_appetite = -0.5
}
