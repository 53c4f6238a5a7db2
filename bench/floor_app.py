import streamlit as st

st.write("Take Two benchmark floor: a one-line app.")
