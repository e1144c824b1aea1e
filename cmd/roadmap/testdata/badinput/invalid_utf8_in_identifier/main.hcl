roadmap {
  start = "2027-01"
}
goal "gÿ" {
  weight = 1
}
