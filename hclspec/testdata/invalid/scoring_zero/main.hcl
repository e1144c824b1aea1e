# All-zero weights would make every project score the same.
roadmap {
  start = "2027-01"
  scoring {
    alignment = 0
    value     = 0
    safety    = 0
  }
}
