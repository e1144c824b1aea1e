roadmap {
  name  = "Test"
  start = "2027-01"
}

project "p" {
  duration = 1
  cost {
    one_time = 1
  }
  cost {
    one_time = 2
  }
  risk {
    failure = 0.1
  }
  risk {
    failure = 0.2
  }
}
