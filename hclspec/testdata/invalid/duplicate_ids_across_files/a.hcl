roadmap {
  name  = "Test"
  start = "2027-01"
}

goal "growth" {
  weight = 1
}

project "crm" {
  duration = 1
}
