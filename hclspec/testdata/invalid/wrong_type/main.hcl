roadmap {
  name  = "Test"
  start = "2027-01"
}

team "platform" {
  capacity = "six"
}

department "d" {
  needs = "faster close"
}

project "p" {
  duration  = 1
  mandatory = "maybe"
  requires  = [["nested"]]
  goals     = ["a", "b"]
}

vendor "v" {
  scores = { features = "great" }
}
