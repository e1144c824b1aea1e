roadmap {
  start = "2027-01"

goal "g" {
  weight = 1
}
