roadmap {
  name  = "Bad input"
  start = "2027-01"
}
goal "g" {
  # Written out in full, this number would take minutes to print.
  title = "${1e9999999}"
}
