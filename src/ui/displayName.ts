// The display helpers live in src/format so the report shares them; UI code keeps this path.
export { displayName, truncateName } from '../format/displayName';
