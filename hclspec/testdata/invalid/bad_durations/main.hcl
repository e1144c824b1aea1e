roadmap {
  name  = "Test"
  start = "2027-01"
}

project "fraction" {
  duration = 2.5
}

project "zero" {
  duration = 0
}

project "unit" {
  duration = "9 fortnights"
}

project "words" {
  duration = "a while"
}

project "empty" {
  duration = "0 months"
}

project "negative" {
  duration = -3
}

project "boolean" {
  duration = true
}
