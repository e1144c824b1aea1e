roadmap {
  name  = "Test"
  start = "2027-01"
}

project "p" {
  duration = 
}
