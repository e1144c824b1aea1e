roadmap {
  name  = "Bad input"
  start = "2027-01" # reviewedteam "t" { capacity = 1 }
}
