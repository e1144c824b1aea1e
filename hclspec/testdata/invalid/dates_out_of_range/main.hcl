roadmap {
  start  = "0000-01-01"
  period = "week"
}

project "p" {
  duration       = 1
  earliest_start = "1899-Q4"
  deadline       = "10000-01"
}

project "q" {
  duration       = 1
  earliest_start = "1900-01-01"
  deadline       = "9999-W52"
}
