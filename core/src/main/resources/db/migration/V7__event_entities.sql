-- Watchfloor store, schema 7: which events name which entity (by canonical name, as the event's
-- actor, weapon and location lists and attribute values hold it), so an entity page reads only its
-- events. Kept by triggers on events rather than by each writer: an event row is written by the
-- resolver, analyst edits (merge, split, reject) and the re-processing swap, and a trigger keeps
-- the index right for all of them, in the same transaction as the event row.
CREATE TABLE event_entities (
  name     TEXT NOT NULL,
  event_id TEXT NOT NULL,
  PRIMARY KEY (name, event_id)
) WITHOUT ROWID;
CREATE INDEX event_entities_event ON event_entities(event_id);

CREATE TRIGGER event_entities_insert AFTER INSERT ON events
BEGIN
  INSERT OR IGNORE INTO event_entities(name, event_id)
    SELECT value, NEW.id FROM json_each(NEW.actors) WHERE type = 'text'
    UNION SELECT value, NEW.id FROM json_each(NEW.weapons) WHERE type = 'text'
    UNION SELECT value, NEW.id FROM json_each(NEW.locations) WHERE type = 'text'
    UNION SELECT value, NEW.id FROM json_each(NEW.attributes) WHERE type = 'text';
END;

CREATE TRIGGER event_entities_update AFTER UPDATE OF id, actors, weapons, locations, attributes ON events
BEGIN
  DELETE FROM event_entities WHERE event_id = OLD.id;
  INSERT OR IGNORE INTO event_entities(name, event_id)
    SELECT value, NEW.id FROM json_each(NEW.actors) WHERE type = 'text'
    UNION SELECT value, NEW.id FROM json_each(NEW.weapons) WHERE type = 'text'
    UNION SELECT value, NEW.id FROM json_each(NEW.locations) WHERE type = 'text'
    UNION SELECT value, NEW.id FROM json_each(NEW.attributes) WHERE type = 'text';
END;

CREATE TRIGGER event_entities_delete AFTER DELETE ON events
BEGIN
  DELETE FROM event_entities WHERE event_id = OLD.id;
END;

-- Existing stores: index the events already there.
INSERT OR IGNORE INTO event_entities(name, event_id)
  SELECT j.value, e.id FROM events e, json_each(e.actors) j WHERE j.type = 'text'
  UNION SELECT j.value, e.id FROM events e, json_each(e.weapons) j WHERE j.type = 'text'
  UNION SELECT j.value, e.id FROM events e, json_each(e.locations) j WHERE j.type = 'text'
  UNION SELECT j.value, e.id FROM events e, json_each(e.attributes) j WHERE j.type = 'text';
