roadmap {
  start  = "2027-01"
  period = "fortnight"
}
