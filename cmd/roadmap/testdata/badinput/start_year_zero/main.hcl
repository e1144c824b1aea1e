roadmap {
  name   = "Bad input"
  start  = "0000-01-01"
  period = "week"
}
