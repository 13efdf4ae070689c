# Reference values for RelativeLiftTests: the relative lift of GrowthBook's frequentist engine
# (gbstats frequentist_diff / frequentist_variance with relative=True, TwoSidedTTest.dof,
# confidence_interval and p_value), recomputed with scipy 1.10.1 from per-arm sums.
#   Var(rel) = var_t/(n_t*mu_c^2) + var_c*mu_t^2/(n_c*mu_c^4)
#   df = (v_t/n_t + v_c/n_c)^2 / ((v_t/n_t)^2/(n_t-1) + (v_c/n_c)^2/(n_c-1))   (Welch-Satterthwaite)
#   CI = rel -/+ t.ppf(1 - alpha/2, df) * sqrt(Var);  p = 2 * t.sf(|rel| / sqrt(Var), df)
from scipy.stats import t


def arm(n, s, ss):
    mean = s / n
    return n, mean, (ss - s * mean) / (n - 1)


def relative(control, treatment, alpha=0.05):
    nc, mc, vc = control
    nt, mt, vt = treatment
    rel = (mt - mc) / abs(mc)
    var = vt / (nt * mc**2) + vc * mt**2 / (nc * mc**4)
    df = (vt / nt + vc / nc) ** 2 / ((vt / nt) ** 2 / (nt - 1) + (vc / nc) ** 2 / (nc - 1))
    half = t.ppf(1 - alpha / 2, df) * var**0.5
    z = rel / var**0.5
    return rel, df, rel - half, rel + half, 2 * t.sf(abs(z), df), t.sf(z, df)


cases = {
    "growthbook": (arm(3407, 1396.87, 52377.9767), arm(3461, 2422.7, 134698.29)),
    "ten_per_arm": (arm(10, 100, 1002.25), arm(10, 105, 1111.5)),
    "proportions_2000": ((2000, 0.10, 0.10 * 0.90), (2000, 0.125, 0.125 * 0.875)),
}
for name, (c, tr) in cases.items():
    print(name, ", ".join(repr(v) for v in relative(c, tr)))
