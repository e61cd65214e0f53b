#!/usr/bin/env python3
"""Writes an Open Referral UK feed as its CSV tables, for timing `tandem import oruk FOLDER`.

    python3 bench/oruk_feed_to_csv.py http://127.0.0.1:8080/api/oruk OUT_FOLDER

Reads every page of /services and each service's full record, and writes one file per
table (services.csv, organizations.csv, locations.csv, ...), each row once.
"""
import csv
import json
import os
import sys
import urllib.request

base, out = sys.argv[1].rstrip('/'), sys.argv[2]
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get(path):
    with opener.open(base + path) as res:
        return json.load(res)


services = []
page = 1
while True:
    body = get(f'/services?page={page}&per_page=200')
    services += [get(f"/services/{item['id']}") for item in body['contents']]
    if body['last_page']:
        break
    page += 1

tables = {}


def row(table, header, values):
    rows = tables.setdefault(table, (header, {}))[1]
    rows.setdefault(values[0], values)


for s in services:
    o = s['organization']
    row('organizations.csv', ['id', 'name', 'description', 'email', 'website'],
        [o['id'], o['name'], o.get('description', ''), o.get('email', ''), o.get('website', '')])
    row('services.csv', ['id', 'organization_id', 'name', 'description', 'url', 'email', 'status', 'minimum_age',
                         'maximum_age', 'assured_date', 'alert'],
        [s['id'], o['id'], s['name'], s.get('description', ''), s.get('url', ''), s.get('email', ''), s['status'],
         s.get('minimum_age', ''), s.get('maximum_age', ''), s.get('assured_date', ''), s.get('alert', '')])
    for sal in s.get('service_at_locations', []):
        loc = sal['location']
        row('service_at_locations.csv', ['id', 'service_id', 'location_id'], [sal['id'], s['id'], loc['id']])
        row('locations.csv', ['id', 'name', 'description', 'latitude', 'longitude'],
            [loc['id'], loc.get('name', ''), loc.get('description', ''), loc.get('latitude', ''),
             loc.get('longitude', '')])
        for a in loc.get('addresses', []):
            row('addresses.csv', ['id', 'location_id', 'address_1', 'city', 'postal_code', 'address_type'],
                [a['id'], loc['id'], a.get('address_1', ''), a.get('city', ''), a.get('postal_code', ''),
                 a.get('address_type', '')])
        for a in loc.get('accessibility', []):
            row('accessibility.csv', ['id', 'location_id', 'description'], [a['id'], loc['id'], a['description']])
    for sc in s.get('schedules', []):
        row('schedules.csv', ['id', 'service_id', 'service_at_location_id', 'byday', 'opens_at', 'closes_at',
                              'description'],
            [sc['id'], s['id'], sc.get('service_at_location_id', ''), sc.get('byday', ''), sc.get('opens_at', ''),
             sc.get('closes_at', ''), sc.get('description', '')])
    for c in s.get('contacts', []):
        row('contacts.csv', ['id', 'service_id', 'name', 'title', 'email'],
            [c['id'], s['id'], c.get('name', ''), c.get('title', ''), c.get('email', '')])
        for p in c.get('phones', []):
            row('phones.csv', ['id', 'contact_id', 'number'], [p['id'], c['id'], p['number']])
    for c in s.get('cost_options', []):
        row('cost_options.csv', ['id', 'service_id', 'option', 'amount', 'amount_description'],
            [c['id'], s['id'], c.get('option', ''), c.get('amount', ''), c.get('amount_description', '')])
    for a in s.get('attributes', []):
        t = a['taxonomy_term']
        row('attributes.csv', ['id', 'link_id', 'taxonomy_term_id', 'link_type'], [a['id'], s['id'], t['id'], 'service'])
        row('taxonomy_terms.csv', ['id', 'name', 'description', 'parent_id', 'taxonomy', 'taxonomy_id', 'term'],
            [t['id'], t['name'], t.get('description', ''), t.get('parent_id', ''), t.get('taxonomy', ''),
             t.get('taxonomy_id', ''), t.get('term', '')])
        if t.get('taxonomy_detail'):
            x = t['taxonomy_detail']
            row('taxonomies.csv', ['id', 'name', 'description'], [x['id'], x['name'], x.get('description', '')])

os.makedirs(out, exist_ok=True)
for name, (header, rows) in tables.items():
    with open(os.path.join(out, name), 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows.values())
print(f'{len(services)} services in {len(tables)} tables')
