roadmap {
  start    = "2027-01"
  period   = "quartr"
  strategy = "greedy"
}

budget "b" {
  amount = 1
  per    = "month"
}

goal "g" {
  term = "forever"
}

check "c" {
  condition     = true
  error_message = "never"
  severity      = "fatal"
}
