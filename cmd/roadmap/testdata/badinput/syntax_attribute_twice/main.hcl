roadmap {
  start = "2027-01"
  start = "2027-02"
}
