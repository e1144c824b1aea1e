roadmap {
  start = "2027-01"
  stack = ["vm", null]

  policy {
    require_goal = true
  }

  policy {
    require_goal = false
  }
}

vendor "v" {
  scores = { features = null }
}

team "t" {
  capacity           = 1
  capacity_by_period = merge({ "2027-Q2" = null })
}
