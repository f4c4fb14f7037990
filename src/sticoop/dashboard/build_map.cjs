// Projects the world once, at build time, into SVG path data the server colours (sticoop.dashboard.worldmap).
// Input: the vendored world-atlas@2 countries-110m TopoJSON (Natural Earth 1:110m, public domain); libraries:
// the vendored topojson-client@3 and d3-geo@3 (ISC). Output: web/static/map/world-110m.json =
// {"width", "height", "countries": [{"id": ISO 3166-1 numeric or null, "name", "d": SVG path}]}.
// Run from the repository root:  node src/sticoop/dashboard/build_map.cjs
const fs = require("fs");
const path = require("path");
const vendor = path.join(__dirname, "..", "web", "static", "vendor");
const vm = require("vm");
// the vendored files are browser builds (UMD): run them as the page would, on one global object
const page = vm.createContext({});
for (const file of ["d3-array/d3-array.min.js", "d3-geo/d3-geo.min.js", "topojson-client/topojson-client.min.js"]) {
  vm.runInContext(fs.readFileSync(path.join(vendor, file), "utf8"), page);
}
const d3geo = page.d3, topojson = page.topojson;

const width = 960, height = 470;
const world = JSON.parse(fs.readFileSync(path.join(vendor, "world-atlas", "countries-110m.json"), "utf8"));
const countries = topojson.feature(world, world.objects.countries);
const projection = d3geo.geoNaturalEarth1().fitSize([width, height], {type: "Sphere"});
const line = d3geo.geoPath(projection).digits(1);
const out = {
  source: "world-atlas@2 countries-110m (Natural Earth 1:110m), d3-geo geoNaturalEarth1",
  width, height,
  sphere: line({type: "Sphere"}),
  countries: countries.features
    .map(f => ({id: f.id === undefined ? null : f.id, name: f.properties.name, d: line(f)}))
    .filter(c => c.d)
    .sort((a, b) => (a.name < b.name ? -1 : 1)),
};
const target = path.join(__dirname, "..", "web", "static", "map", "world-110m.json");
fs.writeFileSync(target, JSON.stringify(out));
console.log(`${out.countries.length} countries -> ${target}`);
