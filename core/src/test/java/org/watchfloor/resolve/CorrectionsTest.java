package org.watchfloor.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchfloor.WatchfloorException;
import org.watchfloor.profile.WatchProfile;

/** Which corrections an analyst may make: fields of the event contract, each with values of its type and range. */
class CorrectionsTest {

  private static final WatchProfile DPRK = WatchProfile.load("dprk");

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
    "type|missile_launch",
    "date|2023-11-21",
    "date|2025-W52",
    "planned|false",
    "summary|A satellite launch from Sohae.",
    "weapons|Hwasong-18, KN-25",
    "locations|''",
    "count|2",
    "range_km|1001.2",
    "range_km|400-500",
    "apogee_km|6648.4",
    "flight_time_s|4491",
    "outcome|failure",
    "time|22:43",
    "time|13:43 UTC",
    "launch_site|Sohae Satellite Launching Station",
    "launch_site|Uiju",
  })
  void aFieldOfTheContractTakesAValueOfItsType(String field, String value) {
    assertThat(Corrections.problem(field, value, DPRK)).isNull();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
    "type|bogus_type|type: 'bogus_type' is not an event type of profile dprk (",
    "date|last week|date: 'last week' is not a date (date takes a date: 2025-12-26, 2025-W52, 2025-12 or 2025)",
    "planned|maybe|planned: 'maybe' is not true or false",
    "count|2.5|count: '2.5' is not a whole number of at least 1",
    "count|0|count: '0' is not a whole number of at least 1",
    "apogee_km|-5|apogee_km: '-5' is not positive (apogee_km takes a positive number of kilometres",
    "apogee_km|0|apogee_km: '0' is not positive",
    "apogee_km|40000|apogee_km: '40000' is above 10000",
    "range_km|far|range_km: 'far' is not a number",
    "range_km|1e5|range_km: '1e5' is not a number",
    "range_km|500-400|range_km: '500-400' is a range whose end is below its start",
    "flight_time_s|NaN|flight_time_s: 'NaN' is not a number",
    "outcome|partly|outcome: 'partly' is not success, failure or unknown",
    "occasion|picnic|occasion: 'picnic' is not an occasion of profile dprk (",
    "time|25:00|time: '25:00' is not a time of day HH:MM",
    "launch_site|a coastal town|launch_site: 'a coastal town' is not a place or facility of the gazetteer of profile dprk",
    "launch_site|munitions factory|launch_site: 'munitions factory' is not a place or facility of the gazetteer",
    "launch_site|Hwasong-18|launch_site: 'Hwasong-18' is not a place or facility of the gazetteer",
    "launch_site|sohae|launch_site: 'sohae' is another name of 'Sohae Satellite Launching Station': give that",
    "colour|red|cannot correct 'colour': not a field of the event contract (fields: type, date, planned, summary, ",
    "Range_KM|600|cannot correct 'Range_KM': not a field of the event contract",
    "rejected:range_km|600|cannot correct 'rejected:range_km'",
    "range_km|''|a correction of range_km needs a value (range_km takes a positive number",
  })
  void anythingElseIsRefusedNamingTheFieldAndTheValue(String field, String value, String message) {
    assertThatThrownBy(() -> Corrections.check(field, value, DPRK))
        .isInstanceOf(WatchfloorException.BadInput.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void withoutAProfileTheVocabulariesAreNotChecked_butTheShapesAre() {
    assertThat(Corrections.problem("type", "bogus_type", null)).isNull();
    assertThat(Corrections.problem("apogee_km", "-5", null)).startsWith("apogee_km: '-5' is not positive");
  }

  @Test
  void theCorrectableFieldsAreTheContractsInItsOrder() {
    assertThat(Editor.correctableFields()).startsWith("type", "date", "planned", "summary", "actors", "weapons",
        "locations").contains("range_km", "apogee_km", "flight_time_s", "outcome").doesNotContain("colour");
  }
}
