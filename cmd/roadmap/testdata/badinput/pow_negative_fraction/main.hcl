roadmap {
  name  = "Bad input"
  start = "2027-01"
}

team "t" {
  capacity = pow(-8, 0.5)
}
