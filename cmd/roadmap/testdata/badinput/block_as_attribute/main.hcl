roadmap {
  name  = "Bad input"
  start = "2027-01"
}
goal "g" {
  weight {
    value = 1
  }
}
