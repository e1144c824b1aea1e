roadmap {
  start         = "2027-01"
  period        = "fortnight"
  discount_rate = -0.1
}

goal "growth" {
  weight = -1
}

team "platform" {
  capacity = 2
}

project "p" {
  duration   = 0
  goals      = { growht = 0.5 }
  effort     = { platform = -1 }
  depends_on = [project.q]
  risk {
    failure = 2
  }
}
