roadmap {
  start = "2027-01"
  stack = "vm"
}
