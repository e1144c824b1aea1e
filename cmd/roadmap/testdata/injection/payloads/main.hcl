# The injection corpus (docs/security.md#threat-model): every string a pull
# request controls carries payloads for a CI runner (workflow commands), a
# pull-request comment (HTML, headings, fences, links, mentions) and a
# terminal (escape sequences, bidirectional overrides). Every output format
# must print them as inert text.

locals {
  payload = "Name ::add-mask::inline\n::add-mask::SECRET\n \t::stop-commands::tok\n##[set-output name=x]y\r::error::lonecr\n</details><details><summary>No changes</summary>\n<img src=x onerror=alert(1)>\n# INJECTED_HEADING\nINJECTED_SETEXT\n===\n- INJECTED_LIST\n1. INJECTED_ORDERED\n> INJECTED_QUOTE\n~~~\n```\n    INJECTED_INDENTED\n| PIPE|SPLIT |\n[INJECTED_LINK](https://evil.example) ![INJECTED_IMAGE](https://evil.example/i.png) <https://evil.example/auto>\n@octocat @org/team mail@evil.example https://evil.example www.evil.example #1 &#x202E; &lt; $\\huge{x}$ **bold** _em_ ~~strike~~\n\u001b[2J\u001b]0;title\u0007\u001b]8;;https://evil.example\u001b\\osc8\u001b]8;;\u001b\\\u001b]52;c;Y3VybA==\u0007\u009b31m\u202etxt.exe\u2066 zero\u200bwidth\u2060\u2064\ufeff\u00ad\U000E0041 FORGED\u001b[31mRED\u001b[0m"
}

variable "capacity" {
  type        = number
  default     = 4
  description = "::add-mask::from-description"
  validation {
    condition     = var.capacity < 100
    error_message = "Capacity ::add-mask::SECRET\n::stop-commands::tok\n##[set-output name=x]y\n</details><details><summary>No changes</summary>\n\u001b[2J\u001b]0;title\u0007\u001b]8;;https://evil.example\u001b\\osc8\u001b]8;;\u001b\\\u001b]52;c;Y3VybA==\u0007\u009b31m\u202etxt.exe"
  }
}

variable "note" {
  type    = string
  default = "plain"
}

roadmap {
  name     = local.payload
  currency = "EUR"
  start    = "2027-Q1"
  horizon  = 6
}

goal "grow" {
  title  = local.payload
  weight = 2
}

goal "save" {
  title  = "Save ${var.note}"
  weight = 1
}

department "sales" {
  title = local.payload
  head  = local.payload
  needs = [local.payload]
}

team "platform" {
  title        = local.payload
  capacity     = var.capacity
  cost_per_fte = 20000
}

system "legacy" {
  title          = local.payload
  vendor         = local.payload
  provides       = ["legacy_cap"]
  end_of_support = "2027-Q2"
  run_cost {
    per_year = 12000
  }
}

scenario "more" {
  description = "Name ::add-mask::inline\n::add-mask::SECRET\n \t::stop-commands::tok\n##[set-output name=x]y\r::error::lonecr\n</details><details><summary>No changes</summary>\n<img src=x onerror=alert(1)>\n# INJECTED_HEADING\nINJECTED_SETEXT\n===\n- INJECTED_LIST\n1. INJECTED_ORDERED\n> INJECTED_QUOTE\n~~~\n```\n    INJECTED_INDENTED\n| PIPE|SPLIT |\n[INJECTED_LINK](https://evil.example) ![INJECTED_IMAGE](https://evil.example/i.png) <https://evil.example/auto>\n@octocat @org/team mail@evil.example https://evil.example www.evil.example #1 &#x202E; &lt; $\\huge{x}$ **bold** _em_ ~~strike~~\n\u001b[2J\u001b]0;title\u0007\u001b]8;;https://evil.example\u001b\\osc8\u001b]8;;\u001b\\\u001b]52;c;Y3VybA==\u0007\u009b31m\u202etxt.exe\u2066 zero\u200bwidth\u2060\u2064\ufeff\u00ad\U000E0041 FORGED\u001b[31mRED\u001b[0m"
  variables = {
    capacity = 6
  }
}

budget "capex" {
  title  = local.payload
  amount = 2000000
  per    = "year"
}

vendor "acme" {
  title    = local.payload
  category = "crm"
  one_time = 10000
  annual   = 20000
  scores   = { features = 4 }
}

vendor "other" {
  title    = "Other ${var.note}"
  category = "crm"
  one_time = 20000
  annual   = 10000
  scores   = { features = 3 }
}

evaluation "crm" {
  category      = "crm"
  criteria      = { features = 1 }
  minimum_score = 1
}

# Ids that a careless encoding merges: core-db and core_db, zürich and
# zärich must stay four nodes with their own dependencies.
project "core-db" {
  title       = local.payload
  goals       = { grow = 1 }
  endorsed_by = [department.sales]
  duration    = 2
  effort      = { platform = 2 }
  vendor      = evaluation.crm
  cost {
    one_time = 100000
  }
  benefit {
    per_year = 400000
  }
}

project "core_db" {
  title       = "Core database ${var.note}"
  goals       = { save = 1 }
  endorsed_by = [department.sales]
  depends_on  = [project.zürich]
  duration    = 2
  effort      = { platform = 2 }
  cost {
    one_time = 80000
  }
  benefit {
    per_year = 200000
  }
}

project "zürich" {
  title       = local.payload
  goals       = { grow = 0.5 }
  endorsed_by = [department.sales]
  depends_on  = [project.core-db]
  duration    = 1
  effort      = { platform = 2 }
  deadline    = "2027-Q3"
  cost {
    one_time = 50000
  }
  benefit {
    per_year = 150000
  }
}

project "zärich" {
  title       = "Zärich office ${var.note}"
  goals       = { grow = 0.3 }
  endorsed_by = [department.sales]
  duration    = 3
  effort      = { platform = 3 }
  cost {
    one_time = 60000
  }
  benefit {
    per_year = 90000
  }
}

project "opposed" {
  title      = local.payload
  goals      = { save = 0.2 }
  opposed_by = [department.sales]
  duration   = 1
  effort     = { platform = 1 }
  cost {
    one_time = 10000
  }
  benefit {
    per_year = 20000
  }
}

check "fails_error" {
  condition     = plan.totals.scheduled > 10
  error_message = local.payload
}

check "fails_warning" {
  condition     = false
  error_message = "Warning ${local.payload}"
  severity      = "warning"
}

# Passes in the base plan (--var capacity=2) and fails in the new one, so
# the diff lists its message.
check "starts_failing" {
  condition     = var.capacity < 3
  error_message = "Starts ${local.payload}"
}
