#!/usr/bin/env python3
"""Generates the SaaS example's data: user_profiles.csv, user_events.csv, subscriptions.csv.

A subscription product with 24 signup-cohort months (2024-01 to 2025-12): every user visits,
signs up, most activate, some pay (Starter, Pro or Enterprise), use the product on active days
(session_start plus one event per feature used) and churn. A few Starter users stay very active
in the last 30 days with at least four features: the upsell candidates.

Deterministic: a fixed seed and the standard library only, so the committed CSVs are exactly
what this script writes. Run from any directory: python3 examples/saas/generate.py
"""

import csv
import os
import random
from datetime import datetime, timedelta, timezone

SEED = 20250808
USERS = 2000
START = datetime(2024, 1, 1, tzinfo=timezone.utc)
END = datetime(2025, 12, 31, 23, 59, 59, tzinfo=timezone.utc)  # the data end
FEATURES = ["create_report", "export_csv", "share_dashboard", "invite_teammate",
            "connect_source", "schedule_report", "use_api", "set_alert"]
PLANS = {"Starter": 29, "Pro": 99, "Enterprise": 499}
SEGMENTS = ["individual", "small_team", "enterprise", "education"]
CHANNELS = ["organic", "paid_search", "referral", "social", "partner"]
CAMPAIGNS = {"organic": "none", "paid_search": "brand_search", "referral": "invite_a_friend",
             "social": "launch_week", "partner": "agency_program"}
COUNTRIES = ["US", "GB", "DE", "FR", "IN", "BR", "CA", "AU"]
PLATFORMS = ["web", "web", "web", "ios", "android"]
UPSELL_CANDIDATES = 18


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def at_time(rng, day):
    """An instant on that day, during working hours."""
    return day.replace(hour=0, minute=0, second=0) + timedelta(seconds=rng.randint(7 * 3600, 22 * 3600))


def main():
    rng = random.Random(SEED)
    here = os.path.dirname(os.path.abspath(__file__))
    users, events, subscriptions = [], [], []
    span_days = (END - START).days + 1
    # Later months sign up more users: the product grows.
    weights = [1.0 + 0.04 * d / 30 for d in range(span_days)]
    signup_days = sorted(rng.choices(range(span_days), weights=weights, k=USERS))
    starter_candidates = 0
    subscription_number = 0
    for index, signup_day in enumerate(signup_days):
        user_id = f"u{index + 1:04d}"
        signup_at = at_time(rng, START + timedelta(days=signup_day))
        first_visit = signup_at - timedelta(days=rng.choice([0, 0, 0, 1, 2, 3, 5, 7]), minutes=rng.randint(5, 240))
        first_visit = max(first_visit, START)
        channel = rng.choice(CHANNELS)
        segment = rng.choices(SEGMENTS, weights=[5, 3, 1, 1])[0]
        platform = rng.choice(PLATFORMS)
        country = rng.choice(COUNTRIES)
        workspace = f"w{(index // 3) + 1:04d}"
        days_left = (END - signup_at).days

        events.append((user_id, f"a{index + 1:04d}", "visit", stamp(first_visit), platform, ""))
        events.append((user_id, "", "signup", stamp(signup_at), platform, ""))

        # Users of the last 30 days' cohorts who fit the bill become the upsell candidates.
        candidate = starter_candidates < UPSELL_CANDIDATES and days_left > 60 and index % 7 == 0 and signup_at.year == 2025
        activated = candidate or rng.random() < 0.70
        if activated:
            activation_at = signup_at + timedelta(hours=rng.randint(1, 6 * 24))
            if activation_at < END:
                events.append((user_id, "", "activated", stamp(activation_at), platform, ""))
            else:
                activated = False

        plan = "Free"
        paid_at = None
        if candidate or (activated and rng.random() < 0.30):
            chosen = "Starter" if candidate else rng.choices(list(PLANS), weights=[6, 3, 1])[0]
            paid_at = signup_at + timedelta(days=rng.randint(1, 25), hours=rng.randint(0, 12))
            if paid_at < END - timedelta(days=1):
                subscription_number += 1
                seats = 1 if chosen != "Enterprise" else rng.randint(1, 4)
                mrr = PLANS[chosen] * seats
                cancel = None
                if not candidate and rng.random() < 0.35:
                    cancel = paid_at + timedelta(days=rng.randint(30, 400))
                    if cancel >= END:
                        cancel = None
                status = "cancelled" if cancel else "active"
                subscriptions.append((f"s{subscription_number:04d}", user_id, chosen, status, stamp(paid_at),
                                      stamp(cancel) if cancel else "", f"{mrr}.00", "USD"))
                events.append((user_id, "", "paid", stamp(paid_at), platform, f"{mrr}.00"))
                plan = chosen if status == "active" else "Free"
                if candidate:
                    starter_candidates += 1
            else:
                paid_at = None
        elif activated and days_left < 14:
            # Recent sign-ups still on their trial.
            subscription_number += 1
            subscriptions.append((f"s{subscription_number:04d}", user_id, "Pro", "trial",
                                  stamp(signup_at + timedelta(hours=2)), "", "0.00", "USD"))
            plan = "Pro"

        # Activity: a lifetime and a rhythm of active days; engaged users use more features.
        if candidate:
            lifetime, per_week, breadth = days_left, 2, 3
        elif paid_at is not None:
            lifetime, per_week, breadth = rng.randint(45, 300), 1.5, rng.randint(2, 5)
        elif activated:
            lifetime, per_week, breadth = rng.randint(10, 120), 1.2, rng.randint(1, 3)
        else:
            lifetime, per_week, breadth = rng.randint(1, 20), 0.6, 1
        used = rng.sample(FEATURES, breadth)
        active_days = set()
        for day in range(1, min(lifetime, days_left) + 1):
            if rng.random() < per_week / 7:
                active_days.add(day)
        if candidate:
            # 20 to 28 active days in the last 30, and at least four features among them.
            last30 = list(range(days_left - 29, days_left + 1))
            active_days.update(rng.sample(last30, rng.randint(20, 28)))
            used = rng.sample(FEATURES, rng.randint(4, 6))
        for day in sorted(active_days):
            moment = at_time(rng, signup_at + timedelta(days=day))
            if moment > END:
                continue
            events.append((user_id, "", "session_start", stamp(moment), platform, ""))
            for feature in used:
                if rng.random() < (0.5 if candidate else 0.3):
                    events.append((user_id, "", feature, stamp(moment + timedelta(minutes=rng.randint(1, 50))), platform, ""))

        users.append((user_id, stamp(signup_at), segment, channel, plan, country, platform, workspace,
                      stamp(first_visit), CAMPAIGNS[channel]))

    events.sort(key=lambda e: (e[3], e[0], e[2]))
    write(os.path.join(here, "user_profiles.csv"),
          ["user_id", "signup_at", "segment", "channel", "plan", "country", "platform", "workspace_id", "first_visit_at", "utm_campaign"], users)
    write(os.path.join(here, "user_events.csv"),
          ["user_id", "anonymous_id", "event", "timestamp", "platform", "revenue"], events)
    write(os.path.join(here, "subscriptions.csv"),
          ["subscription_id", "user_id", "plan", "status", "start_at", "end_at", "mrr", "currency"], subscriptions)
    print(f"{len(users)} users, {len(events)} events, {len(subscriptions)} subscriptions, {starter_candidates} upsell candidates")


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__":
    main()
