roadmap {
  name  = "Test"
  start = "2027-01"
}

project "p" {
  titel    = "Typo in title"
  duration = 1
}

team "t" {
  capacity = 1
  colour   = "blue"
}
