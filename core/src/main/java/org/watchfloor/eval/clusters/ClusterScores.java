package org.watchfloor.eval.clusters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairwise and B-cubed precision, recall and F1 of a grouping of items against a gold grouping;
 * an item may sit in several groups on either side (an article reporting two events). An item
 * in no system group counts as a group of its own.
 *
 * <p>Pairwise: a pair of items is linked when they share a group; precision is the share of
 * system links that gold has, recall the share of gold links the system has. B-cubed is the
 * extended form of Amigó et al. (2009) for overlapping clusters: for items e and e' sharing a
 * system group, the precision of the pair is min(|C(e)∩C(e')|, |L(e)∩L(e')|) / |C(e)∩C(e')|,
 * averaged over e' and then over e; recall symmetrically over gold groups.
 *
 * <p>A gold group may be a judgement call, counted when found and forgiven when missed: found when
 * one system group holds two of its items (or, for a group of one item, when that item has a
 * system group); a missed one is left out of the gold grouping, and an item left in no gold group
 * counts as a group of its own.
 */
public record ClusterScores(
    int items, long systemLinks, long goldLinks, long sharedLinks,
    double pairwisePrecision, double pairwiseRecall, double bcubedPrecision, double bcubedRecall) {

  public double pairwiseF1() {
    return f1(pairwisePrecision, pairwiseRecall);
  }

  public double bcubedF1() {
    return f1(bcubedPrecision, bcubedRecall);
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * @param system each item's system groups (missing or empty: a group of its own)
   * @param gold each item's gold groups; the items scored are its keys
   */
  public static ClusterScores score(Map<String, Set<String>> system, Map<String, Set<String>> gold) {
    return score(system, gold, Set.of());
  }

  /**
   * @param judgementCalls the gold groups counted only when found
   */
  public static ClusterScores score(Map<String, Set<String>> system, Map<String, Set<String>> gold,
      Set<String> judgementCalls) {
    Set<String> missed = missed(judgementCalls, system, gold);
    List<String> items = new ArrayList<>(gold.keySet());
    List<Set<String>> sys = new ArrayList<>();
    List<Set<String>> gld = new ArrayList<>();
    for (String item : items) {
      sys.add(ownIfNone(system.getOrDefault(item, Set.of()), item));
      Set<String> g = new HashSet<>(gold.get(item));
      g.removeAll(missed);
      gld.add(ownIfNone(g, item));
    }
    long sysLinks = 0;
    long goldLinks = 0;
    long shared = 0;
    double bp = 0;
    double br = 0;
    int n = items.size();
    // only items sharing a system or a gold group with item i score against it: look them up
    // through each group's members instead of trying all n² pairs
    Map<String, List<Integer>> sysMembers = members(sys);
    Map<String, List<Integer>> gldMembers = members(gld);
    for (int i = 0; i < n; i++) {
      double pSum = 0;
      int pCount = 0;
      double rSum = 0;
      int rCount = 0;
      Set<Integer> related = new HashSet<>();
      sys.get(i).forEach(g -> related.addAll(sysMembers.get(g)));
      gld.get(i).forEach(g -> related.addAll(gldMembers.get(g)));
      for (int j : related) {
        int cs = intersection(sys.get(i), sys.get(j));
        int cg = intersection(gld.get(i), gld.get(j));
        if (cs > 0) {
          pSum += (double) Math.min(cs, cg) / cs;
          pCount++;
        }
        if (cg > 0) {
          rSum += (double) Math.min(cs, cg) / cg;
          rCount++;
        }
        if (j > i) {
          sysLinks += cs > 0 ? 1 : 0;
          goldLinks += cg > 0 ? 1 : 0;
          shared += cs > 0 && cg > 0 ? 1 : 0;
        }
      }
      bp += pCount == 0 ? 0 : pSum / pCount;
      br += rCount == 0 ? 0 : rSum / rCount;
    }
    return new ClusterScores(n, sysLinks, goldLinks, shared,
        sysLinks == 0 ? 1 : (double) shared / sysLinks,
        goldLinks == 0 ? 1 : (double) shared / goldLinks,
        n == 0 ? 0 : bp / n,
        n == 0 ? 0 : br / n);
  }

  private static Set<String> ownIfNone(Set<String> groups, String item) {
    return groups.isEmpty() ? Set.of("\u0000own:" + item) : groups;
  }

  /** The judgement-call gold groups that no system group found. */
  private static Set<String> missed(Set<String> judgementCalls, Map<String, Set<String>> system,
      Map<String, Set<String>> gold) {
    Set<String> missed = new HashSet<>();
    for (String call : judgementCalls) {
      List<String> items = gold.entrySet().stream().filter(e -> e.getValue().contains(call)).map(Map.Entry::getKey)
          .toList();
      Map<String, Integer> held = new HashMap<>();
      items.forEach(i -> system.getOrDefault(i, Set.of()).forEach(s -> held.merge(s, 1, Integer::sum)));
      boolean found = items.size() == 1 ? !held.isEmpty() : held.values().stream().anyMatch(n -> n >= 2);
      if (!found) {
        missed.add(call);
      }
    }
    return missed;
  }

  private static Map<String, List<Integer>> members(List<Set<String>> groupsOfItem) {
    Map<String, List<Integer>> out = new HashMap<>();
    for (int i = 0; i < groupsOfItem.size(); i++) {
      for (String g : groupsOfItem.get(i)) {
        out.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
      }
    }
    return out;
  }

  private static int intersection(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int c = 0;
    for (String s : small) {
      if (large.contains(s)) {
        c++;
      }
    }
    return c;
  }
}
