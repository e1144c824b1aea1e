# Two tool selections run this year, each a small RFP: three shortlisted
# vendors, scored 0..5 by the evaluation panel on each criterion. The
# minimum score is a technical threshold: it applies to the criteria other
# than cost, so no price can buy a pass. The "cost" criterion is not scored
# by hand: it is derived from each vendor's total cost of ownership over the
# evaluation's years, among the vendors that passed the threshold (the
# cheapest of them gets 5, the others 5 x cheapest / theirs). The winner's
# prices then flow into the project that points at the evaluation. Every
# price is the bid times local.vendor_price (variables.hcl), which scenario
# vendor_price_rise raises.

# --- Service desk (ITSM) tool: replaces the ageing on-premise ticketing ---

vendor "deskflow" {
  title    = "DeskFlow Cloud"
  category = "itsm"
  one_time = 60000 * local.vendor_price # migration and onboarding package
  annual   = 90000 * local.vendor_price # 250 agent seats
  provides = ["itsm", "self_service_portal"]
  scores   = { features = 5, usability = 4, support = 4 }
}

vendor "helpbase" {
  title    = "HelpBase"
  category = "itsm"
  one_time = 20000 * local.vendor_price
  annual   = 45000 * local.vendor_price
  provides = ["itsm", "self_service_portal"]
  scores   = { features = 4, usability = 5, support = 3 }
}

vendor "ticketly" {
  title    = "Ticketly"
  category = "itsm"
  one_time = 10000 * local.vendor_price
  annual   = 30000 * local.vendor_price
  provides = ["itsm"]
  scores   = { features = 2, usability = 3, support = 2 }
}

evaluation "service_desk" {
  title    = "Service desk tool selection"
  category = "itsm" # every itsm vendor competes
  criteria = { features = 0.4, usability = 0.2, support = 0.1, cost = 0.3 }

  # Below 3 out of 5 the panel would rather keep the old tool.
  minimum_score = 3
  years         = 3
}

# --- Endpoint detection and response (EDR): a NIS2 must-have -------------

vendor "sentryx" {
  title    = "Sentryx EDR"
  category = "edr"
  one_time = 15000 * local.vendor_price
  annual   = 60000 * local.vendor_price
  provides = ["edr"]
  scores   = { detection = 5, management = 4 }
}

vendor "shieldcore" {
  title    = "ShieldCore"
  category = "edr"
  one_time = 5000 * local.vendor_price
  annual   = 40000 * local.vendor_price
  provides = ["edr"]
  scores   = { detection = 4, management = 3 }
}

vendor "vigil" {
  title    = "Vigil Free Tier"
  category = "edr"
  one_time = 0
  annual   = 25000 * local.vendor_price
  provides = ["edr"]
  scores   = { detection = 2, management = 4 }
}

evaluation "edr" {
  title = "Endpoint protection selection"
  # Candidates listed explicitly: the panel shortlisted these three.
  candidates = [vendor.sentryx, vendor.shieldcore, vendor.vigil]
  criteria   = { detection = 0.5, management = 0.2, cost = 0.3 }

  # Detection matters most: a cheap tool that misses attacks fails NIS2.
  minimum_score = 3.5
  years         = 3
}
