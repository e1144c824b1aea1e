roadmap {
  start "2027-01"
}
