roadmap {
  start = "2027-13"
}
