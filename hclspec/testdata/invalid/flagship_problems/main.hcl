roadmap {
  start     = "2027-Q1"
  objective = "profit"
  flagship  = project.audit
}

project "audit" {
  duration  = 1
  mandatory = true
}
