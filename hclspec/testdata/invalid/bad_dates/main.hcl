roadmap {
  start = "2027-13"
}

project "p" {
  duration       = 1
  earliest_start = "next year"
  deadline       = "2027-02-30"
}

project "q" {
  duration       = 1
  earliest_start = "2027-Q5"
  deadline       = "2027-W54"
}
